using HccPathway.Coordinator;
using HccPathway.Coordinator.Account;
using HccPathway.Coordinator.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoordinator();

var app = builder.Build();
app.UseCoordinator();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the browser tests.</summary>
public partial class Program;
