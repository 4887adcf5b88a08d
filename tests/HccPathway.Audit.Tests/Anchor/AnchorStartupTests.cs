using HccPathway.Audit.Anchor;
using HccPathway.Testing;
using Microsoft.AspNetCore.Hosting;

namespace HccPathway.Audit.Tests.Anchor;

/// <summary>Outside Development the service does not start without the key that signs its checkpoints, nor without the log.</summary>
public sealed class AnchorStartupTests
{
    [Fact]
    public async Task Outside_Development_a_missing_signing_key_stops_the_service_at_start_saying_what_to_set()
    {
        await using var factory = new ProductionAudit(await Infrastructure.GetAsync(), new Dictionary<string, string>());

        var failure = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains(AnchorConfiguration.SigningKeyPathKey, failure.Message);
        Assert.Contains("openssl", failure.Message);
    }

    [Fact]
    public async Task Outside_Development_a_missing_checkpoint_log_stops_the_service_at_start()
    {
        var key = Path.Combine(Path.GetTempPath(), $"hcc-anchor-key-{Guid.NewGuid():N}.pem");
        using (var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(key, ecdsa.ExportECPrivateKeyPem());
        }

        try
        {
            await using var factory = new ProductionAudit(await Infrastructure.GetAsync(),
                new Dictionary<string, string> { [AnchorConfiguration.SigningKeyPathKey] = key });

            var failure = Assert.Throws<InvalidOperationException>(() => factory.Server);

            Assert.Contains(AnchorConfiguration.LogPathKey, failure.Message);
        }
        finally
        {
            File.Delete(key);
        }
    }

    // With the token signing key every service needs outside Development, so that only the anchor is missing.
    private sealed class ProductionAudit(InfrastructureEndpoints infrastructure, Dictionary<string, string> settings)
        : PathwayServiceFactory<AuditApi>(infrastructure, IsolatedSchemas.New(), AuditApi.ServiceName,
            settings: new Dictionary<string, string>(settings) { ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)) })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
