namespace HccPathway.AppHost;

internal static class PathwayServices
{
    /// <summary>Adds a pathway service wired to the event store and the broker, healthy only when /health says so.</summary>
    public static IResourceBuilder<ProjectResource> AddPathwayService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> pathway,
        IResourceBuilder<IResourceWithConnectionString> messaging)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithReference(pathway)
            .WithReference(messaging)
            .WaitFor(pathway)
            .WaitFor(messaging)
            // Clinical dates are the hospital's local dates: set the default hospital's IANA zone here (AppHost
            // configuration Pathway:TimeZone), and each other hospital's as Pathway__Hospitals__<id>__TimeZone.
            .WithEnvironment("Pathway__TimeZone", builder.Configuration["Pathway:TimeZone"] ?? "Etc/UTC")
            .WithHttpHealthCheck("/health");
}
