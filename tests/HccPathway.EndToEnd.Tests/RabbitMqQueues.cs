using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace HccPathway.EndToEnd.Tests;

/// <summary>
/// Queue statistics from the RabbitMQ management API, to know when the services' consumers have taken every copy of a
/// message (acknowledged it) without sleeping. The statistics refresh every few seconds.
/// </summary>
public sealed class RabbitMqQueues(Uri amqp)
{
    private readonly string vhost = Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/'));

    public static string? ManagementUrl => Environment.GetEnvironmentVariable("HCC_RABBITMQ_MANAGEMENT");

    public sealed record QueueStats(string Name, long Messages, long Acknowledged);

    public async Task<IReadOnlyList<QueueStats>> Matching(string fragment)
    {
        using var http = Client();
        var queues = await http.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(vhost)}");
        return queues.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString()!.Contains(fragment, StringComparison.OrdinalIgnoreCase)
                        && !q.GetProperty("name").GetString()!.EndsWith("_error", StringComparison.Ordinal)
                        && !q.GetProperty("name").GetString()!.EndsWith("_skipped", StringComparison.Ordinal))
            .Select(q => new QueueStats(
                q.GetProperty("name").GetString()!,
                q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0,
                q.TryGetProperty("message_stats", out var s) && s.TryGetProperty("ack", out var a) ? a.GetInt64() : 0))
            .ToArray();
    }

    private HttpClient Client()
    {
        var management = new Uri(ManagementUrl ?? throw new InvalidOperationException("HCC_RABBITMQ_MANAGEMENT is not set (deploy/local/infra-up.sh writes it)."));
        var parts = amqp.UserInfo.Split(':', 2);
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.UnescapeDataString(parts[0])}:{(parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "")}")));
        return http;
    }
}
