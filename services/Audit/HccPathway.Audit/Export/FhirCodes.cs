using Hl7.Fhir.Model;

namespace HccPathway.Audit.Export;

/// <summary>
/// Codes of the export. Labs use LOINC as docs/clinical-rules.md section 9 lists them; ICG-R15 and the RECIST/mRECIST
/// categories have no standard code, so they come from local code systems that the bundle itself carries.
/// </summary>
public static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string LocalBase = "https://hccpathway.example.org/fhir/CodeSystem/";
    public const string LocalObservation = LocalBase + "observation";
    public const string LocalResponseCategory = LocalBase + "response-category";
    public const string LocalTherapy = LocalBase + "therapy";
    public const string LocalCnlcStage = LocalBase + "cnlc-stage";

    public static CodeableConcept Lab(string loinc, string text) => new(Loinc, loinc, text) { Text = text };

    public static readonly CodeableConcept Afp = Lab("1834-1", "AFP");
    public static readonly CodeableConcept Albumin = Lab("1751-7", "Albumin");
    public static readonly CodeableConcept Bilirubin = Lab("1975-2", "Total bilirubin");
    public static readonly CodeableConcept Inr = Lab("6301-6", "INR");

    /// <summary>PIVKA-II / DCP: docs/clinical-rules.md marks this LOINC code "verify".</summary>
    public static readonly CodeableConcept Dcp = Lab("34444-0", "PIVKA-II (DCP)");
    public static readonly CodeableConcept Ecog = Lab("89247-1", "ECOG performance status");

    public static readonly CodeableConcept IcgR15 = Local(LocalObservation, "icg-r15", "ICG retention at 15 minutes");
    public static readonly CodeableConcept RecistResponse = Local(LocalObservation, "recist-1.1-response", "Tumour response, RECIST 1.1");
    public static readonly CodeableConcept MrecistResponse = Local(LocalObservation, "mrecist-response", "Tumour response, mRECIST");

    public static readonly CodeableConcept Tace = Local(LocalTherapy, "tace", "Transarterial chemoembolisation (TACE)");
    public static CodeableConcept Resection(string procedure) => Local(LocalTherapy, "hepatectomy", procedure);

    public static readonly CodeableConcept OralRoute = new(Snomed, "26643006", "Oral route") { Text = "oral" };
    public static readonly CodeableConcept IntravenousRoute = new(Snomed, "47625008", "Intravenous route") { Text = "intravenous" };

    public static CodeableConcept Drug(string drug) => Local(LocalTherapy, drug, drug);

    /// <summary>A plan step that gives no drug, by its Scheduling item type (<c>pre-dose-labs</c>, <c>mdt-review</c>, …).</summary>
    public static CodeableConcept Step(string itemType) => Local(LocalTherapy, itemType, itemType);

    /// <summary>The condition of every pathway: SNOMED CT 25370001 and ICD-10 C22.0.</summary>
    public static readonly CodeableConcept HepatocellularCarcinoma = new()
    {
        Coding =
        [
            new Coding(Snomed, "25370001", "Hepatocellular carcinoma"),
            new Coding("http://hl7.org/fhir/sid/icd-10", "C22.0", "Liver cell carcinoma"),
        ],
        Text = "Hepatocellular carcinoma",
    };

    /// <summary>China Liver Cancer staging (STAGE-CNLC) has no standard code, so it is local, like its stages.</summary>
    public static readonly CodeableConcept CnlcStaging = Local(LocalObservation, "cnlc-stage", "China Liver Cancer (CNLC) stage");

    public static CodeableConcept CnlcStage(string stage) => Local(LocalCnlcStage, stage, "CNLC " + stage);

    /// <summary>mCODE's cancer disease status: LOINC 97509-4.</summary>
    public static readonly CodeableConcept CancerDiseaseStatus = Lab("97509-4", "Cancer disease progression");

    /// <summary>
    /// The disease status an mRECIST category means (mCODE ConditionStatusTrendVS, SNOMED CT): CR no viable tumour left,
    /// PR improved, SD stable, PD worsened, anything else undetermined.
    /// </summary>
    public static CodeableConcept DiseaseStatus(string? mrecistCategory) => mrecistCategory switch
    {
        "CR" => new(Snomed, "260415000", "Not detected"),
        "PR" => new(Snomed, "268910001", "Patient's condition improved"),
        "SD" => new(Snomed, "359746009", "Patient's condition stable"),
        "PD" => new(Snomed, "271299001", "Patient's condition worsened"),
        _ => new(Snomed, "709137006", "Patient condition undetermined"),
    };

    /// <summary>FHIR's three severities for a CTCAE v5 grade: 1 mild, 2 moderate, 3 or more severe.</summary>
    public static CodeableConcept AdverseEventSeverity(int ctcaeGrade) => ctcaeGrade switch
    {
        <= 1 => new("http://terminology.hl7.org/CodeSystem/adverse-event-severity", "mild", "Mild"),
        2 => new("http://terminology.hl7.org/CodeSystem/adverse-event-severity", "moderate", "Moderate"),
        _ => new("http://terminology.hl7.org/CodeSystem/adverse-event-severity", "severe", "Severe"),
    };

    public static CodeableConcept AdverseEventOutcome(bool resolved) => resolved
        ? new("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "resolved", "Resolved")
        : new("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "ongoing", "Ongoing");

    public const string LenTapPlanDefinition = "https://hccpathway.example.org/fhir/PlanDefinition/len-tap";

    /// <summary>A response imaging study during conversion (SCHED-IMG): a plan item that gives no drug.</summary>
    public static readonly CodeableConcept ResponseImaging = Local(LocalTherapy, "response-imaging", "Response imaging (CT/MRI, mRECIST)");

    public static CodeableConcept ResponseCategory(string category) => Local(LocalResponseCategory, category, category);

    public static CodeableConcept Category(string code) =>
        new("http://terminology.hl7.org/CodeSystem/observation-category", code);

    /// <summary>The local code systems, so that a receiver can resolve every local code from the bundle alone.</summary>
    public static IEnumerable<CodeSystem> LocalCodeSystems()
    {
        yield return System(LocalObservation, "HccPathwayObservation", "Observations without a standard code",
            ("icg-r15", "ICG retention at 15 minutes (%)"),
            ("recist-1.1-response", "Tumour response under RECIST 1.1 (RESP-RECIST)"),
            ("mrecist-response", "Tumour response under mRECIST (RESP-MRECIST)"),
            ("cnlc-stage", "China Liver Cancer (CNLC) stage (STAGE-CNLC)"));
        yield return System(LocalCnlcStage, "HccPathwayCnlcStage", "China Liver Cancer (CNLC) stages",
            ("Ia", "CNLC Ia"), ("Ib", "CNLC Ib"), ("IIa", "CNLC IIa"), ("IIb", "CNLC IIb"), ("IIIa", "CNLC IIIa"),
            ("IIIb", "CNLC IIIb"), ("IV", "CNLC IV"));
        yield return System(LocalResponseCategory, "HccPathwayResponseCategory", "RECIST/mRECIST response categories",
            ("CR", "Complete response"), ("PR", "Partial response"), ("SD", "Stable disease"), ("PD", "Progressive disease"),
            ("NE", "Not evaluable"));
        yield return System(LocalTherapy, "HccPathwayTherapy", "LEN-TAP treatments",
            ("lenvatinib", "Lenvatinib"), ("camrelizumab", "Camrelizumab"), ("tace", "Transarterial chemoembolisation"),
            ("hepatectomy", "Conversion hepatectomy"), ("response-imaging", "Response imaging (CT/MRI, mRECIST)"));
    }

    private static CodeableConcept Local(string system, string code, string text) => new(system, code, text) { Text = text };

    private static CodeSystem System(string url, string name, string title, params (string Code, string Display)[] concepts) => new()
    {
        Id = name,
        Url = url,
        Name = name,
        Title = title,
        Status = PublicationStatus.Active,
        Content = CodeSystemContentMode.Complete,
        Concept = concepts.Select(c => new CodeSystem.ConceptDefinitionComponent { Code = c.Code, Display = c.Display }).ToList(),
    };
}
