using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HccPathway.Testing;

/// <summary>
/// Closes client connections from the broker's side, through the management API: the polite close (connection.close,
/// CONNECTION_FORCED) that a broker shutting down or a failing-over node sends, unlike <see cref="TcpGate"/>'s reset.
/// Only the connections of the test's own virtual host are touched.
/// </summary>
public static class BrokerConnections
{
    /// <summary>
    /// Closes every connection to the virtual host of <paramref name="endpoints"/> but the test's own probes
    /// (<see cref="RabbitMqProbe"/>, whose exclusive queue would go with its connection); returns how many.
    /// </summary>
    public static async Task<int> CloseAll(InfrastructureEndpoints endpoints, string reason)
    {
        var management = endpoints.RabbitMqManagement
            ?? throw new InvalidOperationException("Closing broker connections needs the RabbitMQ management API (HCC_RABBITMQ_MANAGEMENT).");
        var vhost = Uri.UnescapeDataString(endpoints.RabbitMq.AbsolutePath.TrimStart('/'));
        var credentials = endpoints.RabbitMq.UserInfo.Split(':', 2).Select(Uri.UnescapeDataString).ToArray();
        using var http = new HttpClient { BaseAddress = new Uri(new Uri(management).GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials[0]}:{(credentials.Length > 1 ? credentials[1] : "")}")));
        http.DefaultRequestHeaders.Add("X-Reason", reason);

        using var connections = JsonDocument.Parse(await http.GetStringAsync($"/api/vhosts/{Uri.EscapeDataString(vhost)}/connections?columns=name,user_provided_name"));
        var closed = 0;
        foreach (var name in connections.RootElement.EnumerateArray()
                     .Where(c => !(c.TryGetProperty("user_provided_name", out var given) && given.GetString() == RabbitMqProbe.ConnectionName))
                     .Select(c => c.GetProperty("name").GetString()!))
        {
            // A connection may close by itself between the list and the delete.
            if ((await http.DeleteAsync($"/api/connections/{Uri.EscapeDataString(name)}")).IsSuccessStatusCode)
            {
                closed++;
            }
        }

        return closed;
    }
}
