using HccPathway.Contracts;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Consumers;
using HccPathway.SurgeryPlanning.Pathways;
using HccPathway.SurgeryPlanning.Readiness.StaleEvidence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var marten = builder.AddPathwayEventStore(Owners.SurgeryPlanning, SurgeryPlanningDocuments.Configure);
builder.AddPathwayMessaging(Owners.SurgeryPlanning, marten, ChecklistConsumers.Register);
builder.AddClinicalRules();
builder.Services.AddScoped<ChecklistCommands>();
builder.AddDeadlineSweep<StaleEvidenceSweep>(
    Owners.SurgeryPlanning, builder.Configuration.GetValue("SurgeryPlanning:DeadlineSweepInterval", TimeSpan.FromHours(1)));

var app = builder.Build();
app.UsePathwayDefaults();
app.MapSurgeryPlanningEndpoints();
app.Run();
