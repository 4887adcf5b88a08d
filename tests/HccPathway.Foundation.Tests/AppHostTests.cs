using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HccPathway.Testing;

namespace HccPathway.Foundation.Tests;

public sealed class AppHostTests
{
    private static readonly string[] Services = ["intake", "scheduling", "assessment", "surgery-planning", "audit"];

    [Fact]
    public async Task In_external_mode_every_service_becomes_healthy()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HccPathway_AppHost>(
        [
            $"--ConnectionStrings:pathway={infrastructure.Postgres}",
            $"--ConnectionStrings:messaging={infrastructure.RabbitMq}",
        ]);
        foreach (var service in Services)
        {
            var project = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == service);
            builder.CreateResourceBuilder(project)
                .WithEnvironment("Pathway__EventsSchema", schemas.Events)
                .WithEnvironment("Pathway__DocumentsSchema", schemas.DocumentsOf(service));
        }

        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await app.StartAsync(timeout.Token);

        foreach (var service in Services)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
            using var client = app.CreateHttpClient(service);
            var health = await client.GetAsync("/health", timeout.Token);
            Assert.True(health.IsSuccessStatusCode, $"{service} /health answered {health.StatusCode}");
        }
    }

    [Fact]
    public async Task Without_connection_strings_or_a_container_runtime_it_fails_fast_and_names_the_script()
    {
        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HccPathway_AppHost>(
                ["--ASPIRE_CONTAINER_RUNTIME=hcc-no-such-container-runtime", "--ConnectionStrings:pathway=", "--ConnectionStrings:messaging="]);
            await using var app = await builder.BuildAsync();
        });
        watch.Stop();

        var message = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("deploy/local/run.sh", message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
