using System.Net.Http.Headers;
using System.Text;

namespace HccPathway.Testing;

/// <summary>Creates isolated RabbitMQ virtual hosts (removed when the test process exits).</summary>
internal static class RabbitMqVirtualHosts
{
    public static async Task<Uri> Create(Uri amqp, string managementUrl)
    {
        var management = new Uri(managementUrl);
        var (user, password) = Credentials(amqp);
        var vhost = $"hcc-test-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..40];

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
