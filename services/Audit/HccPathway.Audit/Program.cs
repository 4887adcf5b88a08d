using HccPathway.Audit;
using HccPathway.Audit.Anchor;
using HccPathway.Audit.CommandLine;
using HccPathway.Audit.Privacy;
using HccPathway.Audit.Tamper;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Messaging;

// `-- replay <id>` and `-- verify <id>` answer on the console and exit; the web host is never started.
if (AuditCommandLine.IsCommand(args))
{
    return await AuditCommandLine.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityDisclosurePolicy();
builder.AddChainAnchoring();
var marten = builder.AddAuditReading();

// The audit service owns no pathway events and consumes none: it reads the stream and its own documents only.
marten.AddSubscriptionWithServices<HashChainSubscription>(ServiceLifetime.Singleton);

// The broker carries only the signed checkpoints of the chain (no relay, no consumers); without a broker they go to
// the checkpoint log alone.
if (builder.Configuration.GetConnectionString("messaging") is { Length: > 0 })
{
    builder.AddPathwayMessaging(AuditApi.ServiceName, marten);
}

var app = builder.Build();
app.UsePathwayDefaults();
app.MapAuditEndpoints();
await app.RunAsync();
return 0;
