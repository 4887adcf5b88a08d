using HccPathway.Contracts;
using HccPathway.Intake;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var marten = builder.AddPathwayEventStore(Owners.Intake, IntakeDocuments.Configure);
builder.AddPathwayMessaging(Owners.Intake, marten);
builder.AddClinicalRules();

var app = builder.Build();
app.UsePathwayDefaults();
app.MapIntakeEndpoints();
app.Run();
