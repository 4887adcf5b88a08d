using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Response;

/// <summary>RESP-CCR: which modality excluded (or found) distant metastasis.</summary>
public enum MetastasisScanModality
{
    Ct,
    PetCt,
}

/// <summary>RESP-CCR: result of one whole-body scan for distant metastasis.</summary>
public sealed record MetastasisScan(MetastasisScanModality Modality, bool DistantMetastasis);

/// <summary>
/// RESP-CCR inputs: the mRECIST assessments over time, tumour markers at baseline and afterwards, and the scans
/// for distant metastasis, each with the event that recorded it.
/// </summary>
public sealed record CcrInputs(
    IReadOnlyList<Evidenced<ResponseCategory>> MrecistAssessments,
    AfpNgPerMl BaselineAfp,
    DcpMauPerMl? BaselineDcp,
    IReadOnlyList<Evidenced<AfpNgPerMl>> AfpMeasurements,
    IReadOnlyList<Evidenced<DcpMauPerMl>> DcpMeasurements,
    IReadOnlyList<Evidenced<MetastasisScan>> MetastasisScans);
