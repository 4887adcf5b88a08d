using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace HccPathway.Audit.History;

/// <summary>The history for people: a plain-text timeline (command line) and an HTML page (browser).</summary>
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

    public static string Html(HistoryPage page)
    {
        var h = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pathway ")
            .Append(h.Encode(page.PathwayId.ToString()))
            .Append("</title><style>body{font-family:sans-serif;margin:2em}li{margin:.6em 0}code,pre{font-size:.85em}")
            .Append(".meta{color:#555}.owner{font-weight:bold}</style></head><body>")
            .Append("<h1>Pathway ").Append(h.Encode(page.PathwayId.ToString())).Append("</h1>")
            .Append(CultureInfo.InvariantCulture,
                $"<p>Version {page.StreamVersion}; {page.Total} event(s) match; page {page.Page} of {Math.Max(1, (page.Total + page.PageSize - 1) / page.PageSize)}.</p>")
            .Append("<ol class=\"timeline\">");
        foreach (var e in page.Items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li value=\"{e.Version}\"><time datetime=\"{e.RecordedAt.UtcDateTime:O}\">")
                .Append(CultureInfo.InvariantCulture, $"{e.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z</time> ")
                .Append("<span class=\"owner\">").Append(h.Encode(e.Owner)).Append("</span> ")
                .Append("<code>").Append(h.Encode(e.Name)).Append("</code>")
                .Append(" <span class=\"meta\">by ").Append(h.Encode(e.User ?? "-"))
                .Append(CultureInfo.InvariantCulture, $"; sequence {e.Sequence}; event {e.EventId}")
                .Append("; correlation ").Append(h.Encode(e.CorrelationId ?? "-"))
                .Append("; causation ").Append(h.Encode(e.CausationId ?? "-")).Append("</span>")
                .Append("<details><summary>data</summary><pre>").Append(h.Encode(e.DataText())).Append("</pre></details></li>");
        }

        return html.Append("</ol></body></html>").ToString();
    }
}
