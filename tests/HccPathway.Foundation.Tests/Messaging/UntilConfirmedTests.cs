using HccPathway.ServiceDefaults.Messaging;

namespace HccPathway.Foundation.Tests.Messaging;

public sealed class UntilConfirmedTests
{
    [Fact]
    public async Task A_publish_the_transport_cancels_is_retried_until_it_is_confirmed()
    {
        var attempts = 0;
        var failures = new List<Type>();

        await UntilConfirmed.Publish(
            _ => ++attempts switch
            {
                1 => throw new OperationCanceledException("the connection closed while the confirm was pending"),
                2 => throw new TaskCanceledException(),
                3 => throw new InvalidOperationException("channel closed"),
                _ => Task.CompletedTask,
            },
            (_, _, ex) => failures.Add(ex.GetType()),
            CancellationToken.None);

        Assert.Equal(4, attempts);
        Assert.Equal([typeof(OperationCanceledException), typeof(TaskCanceledException), typeof(InvalidOperationException)], failures);
    }

    [Fact]
    public async Task Only_the_relay_stopping_ends_the_retries()
    {
        using var stopping = new CancellationTokenSource();
        var attempts = 0;

        var publishing = UntilConfirmed.Publish(
            ct =>
            {
                if (++attempts == 2)
                {
                    stopping.Cancel();
                }

                ct.ThrowIfCancellationRequested();
                throw new OperationCanceledException("broker gone");
            },
            (_, _, _) => { },
            stopping.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publishing);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task An_attempt_that_never_gets_an_answer_is_cancelled_and_tried_again()
    {
        var attempts = 0;
        var failures = new List<Type>();

        await UntilConfirmed.Publish(
            // The first attempt ignores its token entirely, like a confirm that never arrives.
            _ => ++attempts == 1 ? new TaskCompletionSource().Task : Task.CompletedTask,
            (_, _, ex) => failures.Add(ex.GetType()),
            CancellationToken.None,
            attemptTimeout: TimeSpan.FromMilliseconds(200));

        Assert.Equal(2, attempts);
        Assert.Single(failures);
        Assert.True(typeof(OperationCanceledException).IsAssignableFrom(failures[0]));
    }

    [Fact]
    public async Task Retries_back_off_exponentially_up_to_the_cap()
    {
        var delays = new List<TimeSpan>();
        var attempts = 0;

        await UntilConfirmed.Publish(
            _ => ++attempts <= 3 ? throw new InvalidOperationException() : Task.CompletedTask,
            (_, delay, _) => delays.Add(delay),
            CancellationToken.None);

        Assert.Equal([UntilConfirmed.FirstDelay, UntilConfirmed.FirstDelay * 2, UntilConfirmed.FirstDelay * 4], delays);
        Assert.True(UntilConfirmed.MaxDelay >= UntilConfirmed.FirstDelay * 4);
    }
}
