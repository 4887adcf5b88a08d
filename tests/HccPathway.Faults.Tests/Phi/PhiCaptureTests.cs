using HccPathway.Assessment;
using HccPathway.Audit;
using HccPathway.Contracts;
using HccPathway.DemoData;
using HccPathway.Intake;
using HccPathway.Scheduling;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning;
using HccPathway.Testing;
using HccPathway.Testing.Faults;
using Xunit.Abstractions;

namespace HccPathway.Faults.Tests.Phi;

/// <summary>
/// A whole conversion pathway, registration to adjuvant therapy, with a patient whose name, record number and date of
/// birth appear nowhere else, while every log entry of every service (all categories, all levels), every finished
/// activity of every ActivitySource in the process, and every message published or delivered on the broker (RabbitMQ's
/// firehose: bodies and headers) is captured. None of them may hold any of the identifiers.
/// </summary>
public sealed class PhiCaptureTests(ITestOutputHelper output)
{
    private const string FirstName = "Ottoline";
    private const string Surname = "Quarrington-Vesk";
    private const string Mrn = "PHI-MRN-93X7Q2";
    private static readonly DateOnly DateOfBirth = new(1948, 7, 23);

    /// <summary>The identifiers, and the forms a date of birth or a name could take in text.</summary>
    public static IReadOnlyList<string> Identifiers { get; } =
    [
        $"{FirstName} {Surname}", FirstName, Surname, "Quarrington", Mrn, "93X7Q2",
        "1948-07-23", "23/07/1948", "07/23/1948", "23.07.1948", "19480723", "1948/07/23", "Jul 23, 1948", "23 July 1948",
    ];

    [Fact]
    public async Task No_name_record_number_or_date_of_birth_appears_in_logs_traces_or_messages_during_a_whole_pathway()
    {
        var captured = new CapturedText();
        var shared = await Infrastructure.GetAsync();
        await using var broker = await PrivateRabbitMq.Start();
        await broker.TraceOn();
        var infrastructure = new InfrastructureEndpoints(shared.Postgres, broker.Amqp, "private broker");
        var schemas = IsolatedSchemas.New();
        using var activities = new ActivityCapture(captured);
        await using var firehose = await FirehoseCapture.Start(broker.Amqp, captured);

        await using var intake = Start(new CapturingServiceFactory<IntakeApi>(infrastructure, schemas, Owners.Intake, captured));
        await using var scheduling = Start(new CapturingServiceFactory<SchedulingApi>(infrastructure, schemas, Owners.Scheduling, captured));
        await using var assessment = Start(new CapturingServiceFactory<AssessmentApi>(infrastructure, schemas, Owners.Assessment, captured));
        await using var surgery = Start(new CapturingServiceFactory<SurgeryPlanningApi>(infrastructure, schemas, Owners.SurgeryPlanning, captured));
        await using var audit = Start(new CapturingServiceFactory<AuditApi>(infrastructure, schemas, AuditApi.ServiceName, captured));

        var api = new PathwayClient(
            intake.ClientAs(Roles.Clinician, "dr-phi"), scheduling.ClientAs(Roles.Clinician, "dr-phi"),
            assessment.ClientAs(Roles.Clinician, "dr-phi"), surgery.ClientAs(Roles.Clinician, "dr-phi"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var journey = await ConversionJourney.Register(api, today.AddDays(-220), Mrn, $"{FirstName} {Surname}", DateOfBirth, "female");
        await ToAdjuvantTherapy(journey, today);

        // The coordinator's and the auditor's reads: answered, logged and traced like any request.
        await api.Summary(journey.PathwayId);
        using var auditor = audit.ClientAs(Roles.Auditor, "auditor-phi");
        // (history?pageSize=200 is the read behind the Coordinator's audit timeline.)
        foreach (var path in new[] { "history", "history?pageSize=200", "state", "verification", "fhir" })
        {
            (await auditor.GetAsync($"/pathways/{journey.PathwayId}/{path}")).EnsureSuccessStatusCode();
        }

        // The messages of the last steps reach the firehose moments after the answers.
        await Eventually.True(() => Task.FromResult(captured.Count("rabbitmq") > 0), what: "messages on the firehose");
        await Task.Delay(TimeSpan.FromSeconds(2));

        output.WriteLine($"captured: {captured.Count("log")} log entries, {captured.Count("trace")} activities, " +
                         $"{captured.Count("rabbitmq")} broker copies; searched for {Identifiers.Count} identifier forms");
        Assert.True(captured.Count("log") > 100 && captured.Count("trace") > 100 && captured.Count("rabbitmq") > 20,
            "The capture saw too little to prove anything.");

        // The identity did reach the services (and is stored), so finding nothing means it went nowhere else.
        Assert.Equal($"{FirstName} {Surname}", (await api.Summary(journey.PathwayId)).GetProperty("fullName").GetString());
        var leaks = captured.Containing(Identifiers);
        Assert.True(leaks.Count == 0, "Patient identifiers leaked:\n" + string.Join("\n", leaks.Take(20)));
    }

    /// <summary>The resected path of the demo seeder: therapy, a held and resumed drug, response, surgery, adjuvant plan.</summary>
    private static async Task ToAdjuvantTherapy(ConversionJourney j, DateOnly today)
    {
        var e = j.EnrolledOn;
        await j.RecordBaseline();
        await j.DecideEligibility();
        await j.Enrol();
        await j.Planned();
        await j.StartLenvatinib();
        await j.BaselineImaging();
        await j.PerformTace();
        await j.GiveCamrelizumab(1);
        var dose2 = await j.GiveCamrelizumab(2);
        var ae = await j.AdverseEventHoldingCamrelizumab(dose2.AddDays(5));
        await j.ResolveAndResume(ae, dose2.AddDays(19), dose2.AddDays(20));
        await j.GiveCamrelizumab(3, dose2.AddDays(21));
        await j.PartialResponseImaging(e.AddDays(80));
        await j.PartialResponseImaging(today.AddDays(-25));
        await j.RecordPreoperativeWorkUp(today.AddDays(-20));
        await j.ReadyForSurgery();
        await j.StopLenvatinib(today.AddDays(-18));
        var surgeryOn = ConversionJourney.HospitalToday();
        await j.DecideResection(today.AddDays(-16), surgeryOn);
        await j.Resect(surgeryOn);
        await j.DecideAdjuvant();
        await j.AdjuvantPlanned();
    }

    // Touching Server builds and starts the host: schema migration, the daemon, the bus with bound queues.
    private static CapturingServiceFactory<T> Start<T>(CapturingServiceFactory<T> factory)
        where T : class
    {
        _ = factory.Server;
        return factory;
    }
}
