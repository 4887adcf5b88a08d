using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HccPathway.Deploy.Tests.Manifests;

/// <summary>
/// One rendered Kustomize overlay: what <c>kubectl kustomize deploy/k8s/overlays/NAME</c> (or the standalone
/// <c>kustomize build</c> that deploy/local/k8s-tools.sh installs where kubectl is missing) prints, as objects.
/// </summary>
public sealed record Overlay(string Name, IReadOnlyList<JsonObject> Objects)
{
    public static readonly string[] Names = ["dev", "production", "restore"];

    private static readonly Dictionary<string, Lazy<Overlay>> Rendered =
        Names.ToDictionary(n => n, n => new Lazy<Overlay>(() => Render(n)));

    public static Overlay Get(string name) => Rendered[name].Value;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Kind(o) == kind);

    public JsonObject Single(string kind, string name) => OfKind(kind).Single(o => NameOf(o) == name);

    public static string Kind(JsonObject o) => o["kind"]!.GetValue<string>();

    public static string NameOf(JsonObject o) => o["metadata"]!["name"]!.GetValue<string>();

    private static Overlay Render(string name)
    {
        var directory = RepositoryRoot.Combine("deploy", "k8s", "overlays", name);
        var start = new ProcessStartInfo(
            OnPath("kustomize") ? "kustomize" : "kubectl",
            [OnPath("kustomize") ? "build" : "kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Kustomize did not start; run deploy/local/k8s-tools.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"Rendering overlay {name} did not finish in a minute");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Rendering overlay {name} failed: {errors.Result}");
        }

        return new Overlay(name, Yaml.Documents(output.Result));
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, command)));
}
