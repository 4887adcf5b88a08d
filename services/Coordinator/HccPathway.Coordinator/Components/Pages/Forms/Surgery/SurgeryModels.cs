namespace HccPathway.Coordinator.Components.Pages.Forms.Surgery;

// The surgery-planning forms' values, named as Surgery planning's request records name them. Yes/no questions that
// must be answered are strings ("" until chosen) so an unanswered question is sent as null and refused by the service.

public sealed class FeasibilityModel
{
    public DateOnly? AssessedOn { get; set; }
    public string R0ResectionFeasible { get; set; } = "";
    public string OtherContraindication { get; set; } = "";
    public string? Notes { get; set; }

    public object ToRequest() => new
    {
        AssessedOn, R0ResectionFeasible = YesNo.Parse(R0ResectionFeasible), OtherContraindication = YesNo.Parse(OtherContraindication),
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes,
    };
}

public sealed class ScheduleResectionModel
{
    public DateOnly? ScheduledOn { get; set; }
    public string? Procedure { get; set; }
    public bool Override { get; set; }
    public string? OverrideReason { get; set; }

    public object ToRequest() => new { ScheduledOn, Procedure, Override = Override ? new { reason = OverrideReason } : null };
}

public sealed class RescheduleResectionModel
{
    public DateOnly? ScheduledOn { get; set; }
    public string? Reason { get; set; }
    public bool Override { get; set; }
    public string? OverrideReason { get; set; }

    public object ToRequest() => new { ScheduledOn, Reason, Override = Override ? new { reason = OverrideReason } : null };
}

public sealed class CancelResectionModel
{
    public string? Reason { get; set; }

    public object ToRequest() => new { Reason };
}

public sealed class ResectionOutcomeModel
{
    public DateOnly? PerformedOn { get; set; }
    public string? Procedure { get; set; }
    public string Margin { get; set; } = "";
    public decimal? MarginWidthMm { get; set; }
    public decimal? ViableTumourPercent { get; set; }
    public string EdmondsonGrade { get; set; } = "";
    public string MicrovascularInvasion { get; set; } = "";
    public string MacrovascularInvasion { get; set; } = "";
    public int? TumourCount { get; set; }
    public decimal? LargestTumourMm { get; set; }
    public string LymphNodeMetastasis { get; set; } = "";
    public List<ComplicationModel> Complications { get; } = [];

    public object ToRequest() => new
    {
        PerformedOn, Procedure = string.IsNullOrWhiteSpace(Procedure) ? null : Procedure, Margin = Margin.Length == 0 ? null : Margin, MarginWidthMm,
        ViableTumourPercent, EdmondsonGrade = EdmondsonGrade.Length == 0 ? null : EdmondsonGrade,
        MicrovascularInvasion = YesNo.Parse(MicrovascularInvasion), MacrovascularInvasion = YesNo.Parse(MacrovascularInvasion), TumourCount,
        LargestTumourMm, LymphNodeMetastasis = YesNo.Parse(LymphNodeMetastasis),
        Complications = Complications.Select(c => new { c.Description, c.ClavienDindoGrade, c.OccurredOn }).ToArray(),
    };
}

public sealed class ComplicationModel
{
    public string? Description { get; set; }
    public string? ClavienDindoGrade { get; set; } = "I";
    public DateOnly? OccurredOn { get; set; }
}

public sealed class AdjuvantModel
{
    public int? DurationMonths { get; set; } = 6;
    public bool Lenvatinib { get; set; } = true;
    public bool Camrelizumab { get; set; } = true;
    public string? Rationale { get; set; }

    public object ToRequest() => new
    {
        DurationMonths,
        Drugs = new[] { (Lenvatinib, HccPathway.Contracts.Drugs.Lenvatinib), (Camrelizumab, HccPathway.Contracts.Drugs.Camrelizumab) }
            .Where(d => d.Item1).Select(d => d.Item2).ToArray(),
        Rationale,
    };
}

public static class YesNo
{
    public static bool? Parse(string value) => value switch { "yes" => true, "no" => false, _ => null };
}
