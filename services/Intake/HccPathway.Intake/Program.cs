using HccPathway.Contracts;
using HccPathway.Intake;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var marten = builder.AddPathwayEventStore(Owners.Intake, IntakeDocuments.Configure);
builder.AddPathwayMessaging(Owners.Intake, marten);
builder.AddClinicalRules();
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

app.MapIntakeEndpoints();
app.Run();
