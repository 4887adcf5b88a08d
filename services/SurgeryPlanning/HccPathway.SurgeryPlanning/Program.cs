using HccPathway.Contracts;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Consumers;
using HccPathway.SurgeryPlanning.Pathways;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var marten = builder.AddPathwayEventStore(Owners.SurgeryPlanning, SurgeryPlanningDocuments.Configure);
builder.AddPathwayMessaging(Owners.SurgeryPlanning, marten, ChecklistConsumers.Register);
builder.AddClinicalRules();
builder.Services.AddOpenApi();
builder.Services.AddScoped<ChecklistCommands>();

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

app.MapSurgeryPlanningEndpoints();
app.Run();
