using HccPathway.AppHost;

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

builder.AddPathwayService<Projects.HccPathway_Intake>("intake", pathway, messaging);
builder.AddPathwayService<Projects.HccPathway_Scheduling>("scheduling", pathway, messaging);
builder.AddPathwayService<Projects.HccPathway_Assessment>("assessment", pathway, messaging);
builder.AddPathwayService<Projects.HccPathway_SurgeryPlanning>("surgery-planning", pathway, messaging);
builder.AddPathwayService<Projects.HccPathway_Audit>("audit", pathway, messaging);

builder.Build().Run();
