using HccPathway.Audit.Counterfactual;
using HccPathway.Audit.Export;
using HccPathway.Audit.History;
using HccPathway.Audit.Reads;
using HccPathway.Audit.Replay;
using HccPathway.Audit.RuleSets;
using HccPathway.Audit.Tamper;

namespace HccPathway.Audit;

public static class AuditEndpoints
{
    public static WebApplication MapAuditEndpoints(this WebApplication app)
    {
        app.MapGroup("/pathways")
            .WithTags("Pathway audit")
            .MapHistory()
            .MapReplay()
            .MapVerify()
            .MapFhirExport();
        app.MapReadLog();
        app.MapRuleSets();
        app.MapCounterfactual();
        return app;
    }
}
