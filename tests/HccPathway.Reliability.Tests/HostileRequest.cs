using System.Text;

namespace HccPathway.Reliability.Tests;

/// <summary>One request that must be refused: where it goes, what it carries and which kind of bad it is.</summary>
public sealed record HostileRequest(string Kind, ServiceHost Host, string Role, string Method, string Path, string? Body, string ContentType = "application/json")
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ContentType);
        }

        return message;
    }

    public override string ToString() =>
        $"[{Kind}] {Host.Name} {Method} {Path} {(Body is null ? "" : Body.Length > 160 ? Body[..160] + "…" : Body)}";
}
