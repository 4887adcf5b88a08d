using HccPathway.Coordinator.Api;
using Microsoft.AspNetCore.Components;

namespace HccPathway.Coordinator.Components.Pages.Patient;

/// <summary>
/// A small form on the calendar that changes the therapy plan: sent with the plan's version (If-Match), so a change
/// made on a plan someone else has since changed is refused (409) and the banner offers a reload that keeps the input.
/// </summary>
public abstract class TherapyAction : ComponentBase
{
    [Inject] protected PathwayApi Api { get; set; } = default!;

    [Parameter, EditorRequired] public Guid PathwayId { get; set; }

    [Parameter, EditorRequired] public Versioned<TherapyView> Therapy { get; set; } = default!;

    [Parameter] public EventCallback OnChanged { get; set; }

    protected Problem? Problem { get; private set; }

    protected bool Working { get; private set; }

    /// <summary>aria-invalid for an input the server named in its errors.</summary>
    protected string? Invalid(string field) => Problem?.For(field).Count > 0 ? "true" : null;

    /// <summary>Posts to the plan's path under /pathways/{id}/therapy; true when Scheduling accepted it.</summary>
    protected async Task<bool> Send(string path, object body)
    {
        Working = true;
        var outcome = await Api.Post(PathwayServices.Scheduling, $"/pathways/{PathwayId}/therapy/{path}", body, Therapy.ETag);
        Working = false;
        Problem = outcome.Problem;
        if (outcome.Succeeded)
        {
            await OnChanged.InvokeAsync();
        }

        return outcome.Succeeded;
    }

    protected async Task Reload()
    {
        Problem = null;
        await OnChanged.InvokeAsync();
    }
}
