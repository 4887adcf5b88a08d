using HccPathway.Audit;
using HccPathway.Audit.CommandLine;
using HccPathway.Audit.Privacy;
using HccPathway.Audit.Tamper;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using Scalar.AspNetCore;

// `-- replay <id>` and `-- verify <id>` answer on the console and exit; the web host is never started.
if (AuditCommandLine.IsCommand(args))
{
    return await AuditCommandLine.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityDisclosurePolicy();
var marten = builder.AddAuditReading();
marten.AddSubscriptionWithServices<HashChainSubscription>(ServiceLifetime.Singleton);

// The audit service owns no pathway events, so it relays none; it reads the stream and its own documents only.
builder.AddPathwayMessaging(AuditApi.ServiceName, marten);
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapDevelopmentTokens();
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();
}

app.MapAuditEndpoints();
await app.RunAsync();
return 0;
