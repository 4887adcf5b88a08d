using HccPathway.AppHost;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
var mode = InfrastructureModeDetector.Detect(builder.Configuration, builder.ExecutionContext.IsRunMode);

IResourceBuilder<IResourceWithConnectionString> pathway;
IResourceBuilder<IResourceWithConnectionString> messaging;
if (mode == InfrastructureMode.External)
{
    pathway = builder.AddConnectionString(InfrastructureModeDetector.PostgresName);
    messaging = builder.AddConnectionString(InfrastructureModeDetector.RabbitMqName);
}
else
{
    pathway = builder.AddPostgres("postgres").WithDataVolume().AddDatabase(InfrastructureModeDetector.PostgresName);
    messaging = builder.AddRabbitMQ(InfrastructureModeDetector.RabbitMqName).WithManagementPlugin();
}

var intake = builder.AddPathwayService<Projects.HccPathway_Intake>("intake", pathway, messaging);
var scheduling = builder.AddPathwayService<Projects.HccPathway_Scheduling>("scheduling", pathway, messaging);
var assessment = builder.AddPathwayService<Projects.HccPathway_Assessment>("assessment", pathway, messaging);
var surgeryPlanning = builder.AddPathwayService<Projects.HccPathway_SurgeryPlanning>("surgery-planning", pathway, messaging);
var audit = builder.AddPathwayService<Projects.HccPathway_Audit>("audit", pathway, messaging);

// The coordinator web app calls the five APIs with the signed-in user's token; it needs no database or broker.
builder.AddProject<Projects.HccPathway_Coordinator>("coordinator")
    .WithReference(intake).WaitFor(intake)
    .WithReference(scheduling).WaitFor(scheduling)
    .WithReference(assessment).WaitFor(assessment)
    .WithReference(surgeryPlanning).WaitFor(surgeryPlanning)
    .WithReference(audit).WaitFor(audit)
    .WithHttpHealthCheck("/health");

// Demo data, off by default: Demo:Patients > 0 seeds that many synthetic patients through the public APIs once every
// service is healthy; the seeder finds them by service discovery and exits when done.
var demoPatients = builder.Configuration.GetValue("Demo:Patients", 0);
if (demoPatients > 0)
{
    builder.AddProject<Projects.HccPathway_DemoData>("demo-data")
        .WithReference(intake).WaitFor(intake)
        .WithReference(scheduling).WaitFor(scheduling)
        .WithReference(assessment).WaitFor(assessment)
        .WithReference(surgeryPlanning).WaitFor(surgeryPlanning)
        .WithEnvironment("Demo__Patients", demoPatients.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithEnvironment("Demo__Seed", builder.Configuration["Demo:Seed"] ?? "8");
}

builder.Build().Run();
