using System.Net.Http.Headers;
using System.Text;

namespace HccPathway.Benchmarks;

/// <summary>
/// A RabbitMQ virtual host of its own for each scenario, so the benchmark's messages never reach queues of a system
/// running beside it, and removed afterwards.
/// </summary>
public sealed class Broker : IAsyncDisposable
{
    private readonly HttpClient management;
    private readonly string vhost;

    private Broker(HttpClient management, string vhost, Uri amqp)
    {
        this.management = management;
        this.vhost = vhost;
        Amqp = amqp;
    }

    public Uri Amqp { get; }

    public static async Task<Broker> Create(Settings settings, string purpose)
    {
        var parts = settings.RabbitMq.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(parts[0]);
        var password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        var http = new HttpClient { BaseAddress = new Uri(settings.RabbitMqManagement.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var vhost = $"hcc-bench-{purpose}-{Guid.NewGuid():N}"[..36];
        (await http.PutAsync($"/api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"/api/permissions/{vhost}/{Uri.EscapeDataString(user)}", permissions)).EnsureSuccessStatusCode();
        return new Broker(http, vhost, new UriBuilder(settings.RabbitMq) { Path = "/" + vhost }.Uri);
    }

    /// <summary>Messages waiting or unacknowledged in every queue of this virtual host.</summary>
    public async Task<long> QueuedMessages()
    {
        using var queues = System.Text.Json.JsonDocument.Parse(
            await management.GetStringAsync($"/api/queues/{Uri.EscapeDataString(vhost)}?columns=messages"));
        return queues.RootElement.EnumerateArray()
            .Sum(q => q.TryGetProperty("messages", out var messages) && messages.ValueKind == System.Text.Json.JsonValueKind.Number ? messages.GetInt64() : 0);
    }

    public async ValueTask DisposeAsync()
    {
        await management.DeleteAsync($"/api/vhosts/{vhost}");
        management.Dispose();
    }
}
