using System.Diagnostics;
using HccPathway.ServiceDefaults.Security;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Http;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>The service a process speaks for; recorded on every event it appends.</summary>
public sealed record PathwayService(string Name)
{
    public const string Header = "service";
}

/// <summary>
/// Opens lightweight sessions stamped with who is acting and why: the authenticated user, the correlation id of the
/// request (its trace id), the request itself as the cause, and the writing service as a header; for the user's hospital.
/// </summary>
internal sealed class PathwaySessionFactory(
    IDocumentStore store, IHttpContextAccessor http, PathwayService service, Hospitals hospitals)
    : SessionFactoryBase(store)
{
    private readonly IDocumentStore documents = store;

    // Every session, reading or writing, is opened for the caller's hospital: queries and streams of other hospitals
    // are invisible to it, so a pathway of another hospital is simply not found.
    public override SessionOptions BuildOptions() =>
        new() { Tracking = DocumentTracking.None, TenantId = hospitals.Of(http.HttpContext?.User) };

    public override IQuerySession QuerySession() => documents.QuerySession(BuildOptions());

    public override void ApplyMetadata(IDocumentSession session)
    {
        session.SetHeader(PathwayService.Header, service.Name);
        var context = http.HttpContext;
        if (context is null)
        {
            return;
        }

        session.LastModifiedBy = context.User.ActorName();
        session.CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        session.CausationId = context.TraceIdentifier;
    }
}
