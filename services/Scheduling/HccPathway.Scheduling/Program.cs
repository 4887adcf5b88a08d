using HccPathway.Contracts;
using HccPathway.Scheduling;
using HccPathway.Scheduling.TherapyPlans.Adjuvant;
using HccPathway.Scheduling.TherapyPlans.Deadlines;
using HccPathway.Scheduling.TherapyPlans.Exit;
using HccPathway.Scheduling.TherapyPlans.Holds;
using HccPathway.Scheduling.TherapyPlans.Planning;
using HccPathway.Scheduling.TherapyPlans.RecordingImaging;
using HccPathway.Scheduling.TherapyPlans.Reviews;
using HccPathway.Scheduling.TherapyPlans.Surgery;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var marten = builder.AddPathwayEventStore(Owners.Scheduling, SchedulingDocuments.Configure);
builder.AddPathwayMessaging(Owners.Scheduling, marten, x =>
{
    x.AddConsumer<PatientEnrolledConsumer, PatientEnrolledConsumerDefinition>();
    x.AddConsumer<AdverseEventReportedConsumer, AdverseEventReportedConsumerDefinition>();
    x.AddConsumer<AdverseEventGradeChangedConsumer, AdverseEventGradeChangedConsumerDefinition>();
    x.AddConsumer<AdverseEventResolvedConsumer, AdverseEventResolvedConsumerDefinition>();
    x.AddConsumer<MdtDecisionConsumer, MdtDecisionConsumerDefinition>();
    x.AddConsumer<AdjuvantTherapyConsumer, AdjuvantTherapyConsumerDefinition>();
    x.AddConsumer<PathwayExitedConsumer, PathwayExitedConsumerDefinition>();
    x.AddConsumer<ResponseAssessedConsumer, ResponseAssessedConsumerDefinition>();
    x.AddConsumer<MdtReviewConsumer, MdtReviewConsumerDefinition>();
});
builder.AddClinicalRules();
builder.Services.AddSingleton(builder.Configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions());
builder.Services.AddHostedService<DeadlineSweepService>();

var app = builder.Build();
app.UsePathwayDefaults();
app.MapSchedulingEndpoints();
app.Run();
