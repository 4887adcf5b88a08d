using HccPathway.Coordinator.Api;
using Microsoft.AspNetCore.Components.Forms;

namespace HccPathway.Coordinator.Components.Shared;

/// <summary>
/// Puts a problem's field errors into the form's EditContext, so Blazor's inputs mark themselves invalid (aria-invalid,
/// the "invalid" class) exactly where the server said. Problem keys are the request's JSON names: a model property of
/// the same name (any case) claims them.
/// </summary>
public sealed class ServerValidation
{
    private readonly EditContext context;
    private readonly ValidationMessageStore store;

    public ServerValidation(EditContext context)
    {
        this.context = context;
        store = new ValidationMessageStore(context);
        // Editing a field clears what the server said about it; the next submission will say it again if still true.
        context.OnFieldChanged += (_, e) => store.Clear(e.FieldIdentifier);
    }

    public void Show(Problem? problem)
    {
        store.Clear();
        foreach (var (key, messages) in problem?.Errors ?? new Dictionary<string, string[]>())
        {
            // "measurements.ecog" and "ecog" both belong to Ecog.
            var name = key.Split('.')[^1].Split('[')[0];
            var property = context.Model.GetType().GetProperties()
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is not null)
            {
                store.Add(new FieldIdentifier(context.Model, property.Name), messages);
            }
        }

        context.NotifyValidationStateChanged();
    }
}
