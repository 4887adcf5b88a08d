using System.Text.Json;
using HccPathway.Faults.Tests.Harness;
using Xunit.Abstractions;

namespace HccPathway.Faults.Tests;

/// <summary>
/// Real service processes on a private PostgreSQL and RabbitMQ, with the broker stopped, a service killed with SIGKILL,
/// and the database restarted in the middle of a stream of pathway commands. After each: every committed event is on
/// the wire (ratio 1.00, none lost), every consumer handled every message once (its idempotency records), and no side
/// effect happened twice. The counts are cumulative over the tests of the class, so each also re-checks the others.
/// </summary>
public sealed class FaultToleranceTests(FaultySystemFixture fixture, ITestOutputHelper output) : IClassFixture<FaultySystemFixture>
{
    private const int Patients = 6;
    private const int Concurrency = 4;
    private static readonly TimeSpan OutageLongerThanRetries = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(120);

    private FaultySystem System => fixture.System;

    [Fact]
    public async Task Stopping_and_restarting_RabbitMQ_during_commands_loses_nothing_and_duplicates_nothing()
    {
        var outcomes = new CommandOutcomes();
        var load = new PathwayLoad(System.IntakeClient, outcomes);
        var commands = 0;
        var stopped = new TaskCompletionSource();
        var restarted = new TaskCompletionSource();

        // Paced until the broker is back, however long stopping and starting it takes, so that commands keep coming
        // while it is down; then the rest of the load runs at full speed.
        var running = load.Run(Patients * 10, Concurrency, async () =>
        {
            if (Interlocked.Increment(ref commands) == Concurrency)
            {
                stopped.TrySetResult();
            }

            if (!restarted.Task.IsCompleted)
            {
                await Task.Delay(250);
            }
        });

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await System.Broker.Stop();
        var during = Volatile.Read(ref commands);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileDown = Volatile.Read(ref commands) - during;
        await System.Broker.StartServer();
        restarted.TrySetResult();
        await running;

        var report = await System.Settle(SettleWithin);
        output.WriteLine($"broker stopped for 3 s; commands accepted while it was down: {whileDown}; {outcomes}");
        output.WriteLine(report.ToString());
        Assert.True(whileDown > 0, "No command was accepted while the broker was down: the fault was not during the stream.");
        AssertNothingLost(report);
        Assert.Equal(0, outcomes[CommandOutcomes.ServerError]);
    }

    [Fact]
    public async Task Killing_services_with_SIGKILL_mid_relay_and_mid_consume_loses_nothing_and_duplicates_nothing()
    {
        var before = await System.Report();
        var outcomes = new CommandOutcomes();
        var load = new PathwayLoad(System.IntakeClient, outcomes);
        var killed = new TaskCompletionSource();

        // Paced until Intake has been killed, so that the load is still running whenever the backlog is looked at.
        var running = load.Run(Patients * 3, Concurrency, async () =>
        {
            if (!killed.Task.IsCompleted)
            {
                await Task.Delay(100);
            }
        });

        // Mid-relay: Intake has committed events of this run and the wire has some of them but not all.
        await Eventually(async () =>
        {
            var now = await System.Report();
            return now.Committed > before.Committed + 4 && now.Lost > before.Lost && now.DeliveredDistinct > before.DeliveredDistinct;
        }, "Intake relaying a backlog");
        await System.Intake.Kill();
        killed.TrySetResult();
        var midRelay = await System.Report();
        await System.Intake.Start();

        // Mid-consume: the first enrolment of this run is committed, so its message is on its way to Scheduling or being
        // handled; the rest queue up while Scheduling is dead.
        var enrolledBefore = before.Consumers[0].Expected;
        await Eventually(async () => (await System.Report()).Consumers[0].Expected > enrolledBefore, "an enrolment of this run", TimeSpan.FromSeconds(90));
        await System.Scheduling.Kill();
        var midConsume = await System.Report();
        await System.Scheduling.Start();
        await running;

        var report = await System.Settle(SettleWithin);
        output.WriteLine($"Intake SIGKILLed with {midRelay.Lost - before.Lost} events not yet on the wire; Scheduling SIGKILLed at " +
                         $"{midConsume.Consumers[0].Processed}/{midConsume.Consumers[0].Expected} enrolments handled; {outcomes}");
        output.WriteLine(report.ToString());
        AssertNothingLost(report);
        Assert.Equal(0, outcomes[CommandOutcomes.ServerError]);
    }

    [Fact]
    public async Task Restarting_PostgreSQL_fails_commands_in_flight_with_503_and_applies_none_of_them_halfway()
    {
        var outcomes = new CommandOutcomes();
        var load = new PathwayLoad(System.IntakeClient, outcomes);
        var commands = 0;
        var halfway = new TaskCompletionSource();
        var restarted = new TaskCompletionSource();

        // On a quiet machine the load would finish before the server is down: while the outage lasts, the workers pace
        // themselves so that commands keep arriving through all of it.
        var running = load.Run(Patients * 6, Concurrency, async () =>
        {
            if (Interlocked.Increment(ref commands) == Patients)
            {
                halfway.TrySetResult();
            }

            if (halfway.Task.IsCompleted && !restarted.Task.IsCompleted)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        });

        // Down for longer than Marten's own retries of transient failures (which absorb a quick restart unseen), so
        // commands meet the outage itself.
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await System.Postgres.Stop();
        await Task.Delay(OutageLongerThanRetries);
        await System.Postgres.StartServer();
        restarted.TrySetResult();
        await running;

        var report = await System.Settle(SettleWithin);
        output.WriteLine($"PostgreSQL restarted after {Patients} commands; {outcomes}");
        output.WriteLine(report.ToString());

        Assert.True(outcomes[CommandOutcomes.Unavailable] > 0, "No command was in flight during the restart: " + outcomes);
        Assert.Equal(0, outcomes[CommandOutcomes.UnavailableWithoutRetryAfter]);
        Assert.Equal(0, outcomes[CommandOutcomes.ServerError]);
        Assert.Equal(0, outcomes[CommandOutcomes.Other]);

        // None half-applied: Intake's summary commits with each append, so it stands at every stream's intake version,
        // and each stream's intake events are the steps in order, each once.
        var summaries = await System.Store.SummaryVersions();
        foreach (var (stream, _, types) in await System.Store.Streams())
        {
            var intake = types.Where(t => t.StartsWith("intake.", StringComparison.Ordinal)).ToArray();
            string[] steps = ["intake.patient-registered.v1", "intake.baseline-assessed.v1", "intake.eligibility-decided.v1", "intake.patient-enrolled.v1"];
            Assert.Equal(steps.Take(intake.Length), intake);
            Assert.True(summaries.TryGetValue(stream, out var summaryVersion), $"no summary for {stream}: {string.Join(", ", types)}");
            Assert.Equal(types.TakeWhile(t => t.StartsWith("intake.", StringComparison.Ordinal)).Count(), (int)Math.Min(summaryVersion, intake.Length));
        }

        AssertNothingLost(report);
    }

    [Fact]
    public async Task Poison_messages_end_in_the_error_queues_after_the_retries_and_do_not_block_the_messages_behind_them()
    {
        const string schedulingQueue = "scheduling-patient-enrolled";
        const string assessmentQueue = "assessment-patient-enrolled";
        var schedulingErrors = await QueueDepth(schedulingQueue + "_error");
        var assessmentErrors = await QueueDepth(assessmentQueue + "_error");

        // Undeserialisable: not even JSON. Failing permanently: a well-formed enrolment of a pathway that does not exist,
        // which Assessment refuses on every attempt (retried with back-off, then moved).
        await SendRaw(schedulingQueue, "{ this is not json"u8.ToArray());
        var unknown = new HccPathway.Contracts.Intake.PatientEnrolled(
            Guid.NewGuid(), ["ELIG-2"], 70m, DateOnly.FromDateTime(DateTime.UtcNow), "dr-poison", "poison", DateTimeOffset.UtcNow);
        var poisonId = Guid.NewGuid();
        await SendRaw(assessmentQueue, JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = poisonId,
            messageType = new[] { "urn:message:HccPathway.Contracts.Intake:PatientEnrolled" },
            message = unknown,
            headers = new { },
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        // The messages behind them: a few patients enrolled through the API.
        var started = DateTime.UtcNow;
        var outcomes = new CommandOutcomes();
        await new PathwayLoad(System.IntakeClient, outcomes).Run(3, 3);
        var report = await System.Settle(SettleWithin);
        var goodHandledAfter = DateTime.UtcNow - started;

        await Eventually(async () => await QueueDepth(schedulingQueue + "_error") == schedulingErrors + 1, "the undeserialisable message in scheduling's _error queue");
        await Eventually(async () => await QueueDepth(assessmentQueue + "_error") == assessmentErrors + 1, "the failing enrolment in assessment's _error queue");
        var poisonMovedAfter = DateTime.UtcNow - started;
        output.WriteLine($"good messages handled after {goodHandledAfter.TotalSeconds:0.0} s; both poison messages in _error after " +
                         $"{poisonMovedAfter.TotalSeconds:0.0} s; {report}");

        // Handled exactly the committed enrolments: the poison enrolment left no idempotency record and no effect.
        AssertNothingLost(report);
    }

    private async Task SendRaw(string queue, byte[] body)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = System.Broker.Amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclarePassiveAsync(queue);
        var properties = new RabbitMQ.Client.BasicProperties
        {
            MessageId = Guid.NewGuid().ToString(),
            ContentType = "application/vnd.masstransit+json",
            Persistent = true,
        };
        await channel.BasicPublishAsync("", queue, true, properties, body);
    }

    private async Task<uint> QueueDepth(string queue)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = System.Broker.Amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private static void AssertNothingLost(DeliveryReport report)
    {
        Assert.True(report.Committed > 0);
        Assert.Equal(0, report.Lost);
        Assert.Equal(1.00m, report.Ratio);
        Assert.All(report.Consumers, c => Assert.Equal(c.Expected, c.Processed));
        Assert.Equal(0, report.RepeatedEffects);
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await HccPathway.Testing.Eventually.True(condition, timeout ?? TimeSpan.FromSeconds(60), what);
}
