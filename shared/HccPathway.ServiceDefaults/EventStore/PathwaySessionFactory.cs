using System.Diagnostics;
using HccPathway.ServiceDefaults.Security;
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
/// request (its trace id), the request itself as the cause, and the writing service as a header.
/// </summary>
internal sealed class PathwaySessionFactory(IDocumentStore store, IHttpContextAccessor http, PathwayService service)
    : SessionFactoryBase(store)
{
    public override SessionOptions BuildOptions() => new() { Tracking = DocumentTracking.None };

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
