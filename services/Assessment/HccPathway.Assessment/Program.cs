using HccPathway.Assessment;
using HccPathway.Assessment.Pathways.CompleteResponse;
using HccPathway.Assessment.Pathways.Starting;
using HccPathway.Contracts;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var marten = builder.AddPathwayEventStore(Owners.Assessment, AssessmentDocuments.Configure);
builder.AddPathwayMessaging(Owners.Assessment, marten,
    x => x.AddConsumer<PatientEnrolledConsumer, PatientEnrolledConsumerDefinition>());
builder.AddClinicalRules();
builder.AddDeadlineSweep<CcrStabilitySweep>(
    Owners.Assessment, builder.Configuration.GetValue("Assessment:DeadlineSweepInterval", TimeSpan.FromHours(1)));

var app = builder.Build();
app.UsePathwayDefaults();
app.MapAssessmentEndpoints();
app.Run();
