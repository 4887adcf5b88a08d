using System.Diagnostics;
using HccPathway.ServiceDefaults.Security;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Http;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// Opens lightweight sessions stamped with who is acting and why: the authenticated user, and the correlation id
/// of the request (its trace id), so that every event records its cause.
/// </summary>
internal sealed class PathwaySessionFactory(IDocumentStore store, IHttpContextAccessor http) : SessionFactoryBase(store)
{
    public override SessionOptions BuildOptions() => new() { Tracking = DocumentTracking.None };

    public override void ApplyMetadata(IDocumentSession session)
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return;
        }

        session.LastModifiedBy = context.User.ActorName();
        session.CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
    }
}
