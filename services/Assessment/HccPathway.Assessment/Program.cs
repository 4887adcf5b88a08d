using HccPathway.Assessment;
using HccPathway.Assessment.Pathways.Starting;
using HccPathway.Contracts;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using MassTransit;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var marten = builder.AddPathwayEventStore(Owners.Assessment, AssessmentDocuments.Configure);
builder.AddPathwayMessaging(Owners.Assessment, marten,
    x => x.AddConsumer<PatientEnrolledConsumer, PatientEnrolledConsumerDefinition>());
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

app.MapAssessmentEndpoints();
app.Run();
