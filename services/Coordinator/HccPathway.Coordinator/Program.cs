using HccPathway.Coordinator;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoordinator();

var app = builder.Build();
app.UseCoordinator();
app.Run();

namespace HccPathway.Coordinator
{
    /// <summary>Names this app's assembly for WebApplicationFactory (the services' entry points are called Program too).</summary>
    public sealed class CoordinatorApp;
}
