using System.Diagnostics;
using System.Text.Json;
using HccPathway.Deploy.Tests.Manifests;

namespace HccPathway.Deploy.Tests.Containers;

/// <summary>
/// Every project under services/ publishes a container image (dotnet publish /t:PublishContainer) whose repository,
/// user and port are what the Kubernetes manifests expect. The SDK computes and validates the image configuration
/// here without building the image, so no Docker is needed.
/// </summary>
public sealed class ContainerPublishTests
{
    private const string ReleaseTag = "9.9.9-ci";

    public static TheoryData<string> Services() =>
        new(Directory.EnumerateFiles(RepositoryRoot.Combine("services"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(RepositoryRoot.Path, p))
            .Order());

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_service_publishes_a_non_root_image_that_the_manifests_deploy(string project)
    {
        var config = await ContainerConfig(project);
        var repository = config.GetProperty("ContainerRepository").GetString()!;
        var name = repository["hccpathway/".Length..];

        Assert.StartsWith("hccpathway/", repository, StringComparison.Ordinal);
        Assert.Equal(ReleaseTag, config.GetProperty("ContainerImageTag").GetString());
        Assert.True(int.TryParse(config.GetProperty("ContainerUser").GetString(), out var uid) && uid > 0, "a numeric non-root user");
        Assert.Equal("8080", config.GetProperty("ContainerPort").GetString());
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", config.GetProperty("ContainerBaseImage").GetString(), StringComparison.Ordinal);

        // Native code in the image keeps a new replica's cold start under its target (P7 in tests/HccPathway.Benchmarks).
        Assert.Equal("true", config.GetProperty("PublishReadyToRun").GetString());

        // The image the production overlay runs is this repository, under the same user the pod security context names.
        var deployment = Overlay.Get("production").Single("Deployment", name);
        var pod = deployment["spec"]!["template"]!["spec"]!;
        Assert.Equal($"registry.example.org/{repository}:1.0.0", pod["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal(uid, pod["securityContext"]!["runAsUser"]!.GetValue<long>());
    }

    private static async Task<JsonElement> ContainerConfig(string project)
    {
        var start = new ProcessStartInfo("dotnet",
        [
            // _IsPublishing: what dotnet publish sets, so the properties are those of a publish.
            "msbuild", RepositoryRoot.Combine(project), "-t:ComputeContainerConfig", $"-p:HccImageTag={ReleaseTag}",
            "-p:_IsPublishing=true", "-getProperty:ContainerRepository", "-getProperty:ContainerImageTag",
            "-getProperty:ContainerUser", "-getProperty:ContainerBaseImage", "-getProperty:PublishReadyToRun",
            "-getItem:ContainerPort", "-nologo",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"ComputeContainerConfig failed for {project}: {output}{errors}");

        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.GetProperty("Properties");
        var port = json.RootElement.GetProperty("Items").GetProperty("ContainerPort").EnumerateArray().Single().GetProperty("Identity").GetString();
        var merged = new Dictionary<string, string?>(properties.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString())))
        {
            ["ContainerPort"] = port,
        };
        return JsonSerializer.SerializeToElement(merged);
    }
}
