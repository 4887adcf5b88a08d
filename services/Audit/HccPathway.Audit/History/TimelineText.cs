using System.Globalization;
using System.Text;

namespace HccPathway.Audit.History;

/// <summary>
/// The history as the command line prints it. Over HTTP the service answers JSON only; the Coordinator shows the
/// history to auditors.
/// </summary>
public static class TimelineText
{
    public static string Plain(HistoryPage page)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Pathway {page.PathwayId}: version {page.StreamVersion}, {page.Items.Count} event(s) shown");
        foreach (var e in page.Items)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"v{e.Version,-4} {e.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z  {e.Name,-55} {e.Owner,-16} by {e.User ?? "-"}  seq {e.Sequence}  corr {e.CorrelationId ?? "-"}");
        }

        return text.ToString();
    }
}
