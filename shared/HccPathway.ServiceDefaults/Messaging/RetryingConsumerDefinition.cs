using MassTransit;

namespace HccPathway.ServiceDefaults.Messaging;

/// <summary>
/// Retry policy shared by the pathway's consumers: immediate retries for transient faults, then exponential
/// back-off; a message that still fails is moved to the queue's <c>_error</c> queue and does not block the others.
/// </summary>
public abstract class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<ArgumentException>();
            r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
        });
    }
}
