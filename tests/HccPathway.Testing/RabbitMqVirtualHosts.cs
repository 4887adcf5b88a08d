using System.Net.Http.Headers;
using System.Text;

namespace HccPathway.Testing;

/// <summary>Creates isolated RabbitMQ virtual hosts (removed when the test process exits, or by a later run).</summary>
internal static class RabbitMqVirtualHosts
{
    private const string Prefix = "hcc-test-";
    private const string StampFormat = "yyyyMMddHHmmss";

    // A test process that is killed, or ended by the test runner before its exit handler is done, leaves its virtual
    // hosts behind; a later run removes them, because RabbitMQ recovers every one at boot (about 0.4 s each). A
    // virtual host without connections for ten minutes is no longer in use; an hour is longer than any run.
    private static readonly TimeSpan IdleLeftoverAge = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(1);

    public static async Task RemoveLeftovers(Uri amqp, string managementUrl)
    {
        var (user, password) = Credentials(amqp);
        using var http = Client(new Uri(managementUrl), user, password);
        using var vhosts = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/vhosts?columns=name"));
        using var connections = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/connections?columns=vhost"));
        var inUse = connections.RootElement.EnumerateArray().Select(c => c.GetProperty("vhost").GetString()).ToHashSet();
        foreach (var name in vhosts.RootElement.EnumerateArray().Select(v => v.GetProperty("name").GetString() ?? ""))
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal)
                && name.Length >= Prefix.Length + StampFormat.Length
                && DateTime.TryParseExact(name.AsSpan(Prefix.Length, StampFormat.Length), StampFormat,
                    System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var created)
                && DateTime.UtcNow - created > (inUse.Contains(name) ? LeftoverAge : IdleLeftoverAge))
            {
                await http.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(name)}");
            }
        }
    }

    public static async Task<Uri> Create(Uri amqp, string managementUrl)
    {
        var management = new Uri(managementUrl);
        var (user, password) = Credentials(amqp);
        var vhost = $"{Prefix}{DateTime.UtcNow.ToString(StampFormat, System.Globalization.CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..40];

        using var http = Client(management, user, password);

        (await http.PutAsync($"/api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"/api/permissions/{vhost}/{Uri.EscapeDataString(user)}", permissions)).EnsureSuccessStatusCode();

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var cleanup = Client(management, user, password);
                cleanup.DeleteAsync($"/api/vhosts/{vhost}").GetAwaiter().GetResult();
            }
            catch (HttpRequestException)
            {
                // Leftover vhosts are harmless and named by date; the next infra reset removes them.
            }
        };

        return new UriBuilder(amqp) { Path = "/" + vhost }.Uri;
    }

    private static HttpClient Client(Uri management, string user, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    private static (string User, string Password) Credentials(Uri amqp)
    {
        var parts = amqp.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
