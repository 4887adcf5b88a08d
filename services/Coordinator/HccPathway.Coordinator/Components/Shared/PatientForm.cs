using HccPathway.Coordinator.Account;
using HccPathway.Coordinator.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace HccPathway.Coordinator.Components.Shared;

/// <summary>
/// A page that records one thing about one patient: the patient it is about, the server's field errors under the
/// fields (<see cref="ServerValidation"/> and Field), refusals in a ProblemBanner, and back to the patient page once
/// recorded. Decision forms send the version the patient was read at, so a decision taken on a state someone else has
/// since changed is refused (409) and the banner offers a reload that keeps what was typed.
/// </summary>
public abstract class PatientForm<TModel> : ComponentBase
    where TModel : class, new()
{
    private ServerValidation validation = default!;

    [Inject] protected PathwayApi Api { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] protected UserTimeProvider Clock { get; set; } = default!;

    [Parameter] public Guid PathwayId { get; set; }

    protected TModel Model { get; } = new();

    protected EditContext EditContext { get; private set; } = default!;

    protected Versioned<PatientSummaryView>? Patient { get; private set; }

    protected Problem? Problem { get; private set; }

    protected bool Working { get; private set; }

    /// <summary>True for decisions that must not be taken on a state someone else has changed since it was read.</summary>
    protected virtual bool SendsVersion => false;

    protected DateOnly Today => Dates.Today(Clock);

    protected override async Task OnInitializedAsync()
    {
        EditContext = new EditContext(Model);
        validation = new ServerValidation(EditContext);
        Prepare();
        await ReadPatient();
    }

    /// <summary>Defaults for the model (dates default to the user's today).</summary>
    protected virtual void Prepare()
    {
    }

    protected async Task Send(string service, string path, object? body)
    {
        Working = true;
        var outcome = await Api.Post(service, path, body, SendsVersion ? Patient?.ETag : null);
        Working = false;
        Problem = outcome.Problem;
        validation.Show(Problem);
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"/patients/{PathwayId}");
        }
    }

    /// <summary>After a stale write: read the patient again (a new version), keep the typed values, drop the banner.</summary>
    protected async Task Reload()
    {
        Problem = null;
        validation.Show(null);
        await ReadPatient();
    }

    private async Task ReadPatient()
    {
        try
        {
            Patient = await Api.Get<PatientSummaryView>(PathwayServices.Intake, $"/pathways/{PathwayId}");
        }
        catch (PathwayApiException e)
        {
            Problem = e.Problem;
        }
        catch (HttpRequestException)
        {
            Problem = Problem.Unreachable(PathwayServices.Intake);
        }
    }
}
