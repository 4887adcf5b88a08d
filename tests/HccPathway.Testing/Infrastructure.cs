using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace HccPathway.Testing;

/// <summary>Where the real PostgreSQL and RabbitMQ of this test run are.</summary>
/// <param name="RabbitMq">An AMQP URI whose virtual host belongs to the caller of <see cref="Infrastructure.GetAsync"/> alone.</param>
/// <param name="RabbitMqManagement">The management API, when virtual hosts can be created.</param>
public sealed record InfrastructureEndpoints(string Postgres, Uri RabbitMq, string Mode, string? RabbitMqManagement = null);

/// <summary>
/// Finds the infrastructure once per test run: the <c>HCC_POSTGRES</c> / <c>HCC_RABBITMQ</c> connection strings when
/// set (written by deploy/local/infra-up.sh), else Testcontainers when Docker answers, else a failure that says what to
/// run. It never skips: a run without infrastructure must not look green.
/// </summary>
public static class Infrastructure
{
    public const string SetupHint =
        "No PostgreSQL/RabbitMQ for the integration tests. Run 'deploy/local/test.sh' (it starts them), or run " +
        "'deploy/local/infra-up.sh' and 'source .local/infra.env' before 'dotnet test', or start a Docker engine.";

    private static readonly Lazy<Task<InfrastructureEndpoints>> Shared = new(Find);

    public static async Task<InfrastructureEndpoints> GetAsync()
    {
        var shared = await Shared.Value;
        return shared.RabbitMqManagement is { } management
            ? shared with { RabbitMq = await RabbitMqVirtualHosts.Create(shared.RabbitMq, management) }
            : shared;
    }

    private static async Task<InfrastructureEndpoints> Find()
    {
        var postgres = Environment.GetEnvironmentVariable("HCC_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("HCC_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            var management = Environment.GetEnvironmentVariable("HCC_RABBITMQ_MANAGEMENT");
            if (string.IsNullOrWhiteSpace(management))
            {
                return new InfrastructureEndpoints(postgres, new Uri(rabbit), "external");
            }

            await RabbitMqVirtualHosts.RemoveLeftovers(new Uri(rabbit), management);
            return new InfrastructureEndpoints(postgres, new Uri(rabbit), "external", management);
        }

        try
        {
            return await StartContainers();
        }
        catch (DockerUnavailableException ex)
        {
            throw new InvalidOperationException(SetupHint, ex);
        }
    }

    private static async Task<InfrastructureEndpoints> StartContainers()
    {
        var postgres = new PostgreSqlBuilder("postgres:15").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Task.WhenAll(postgres.DisposeAsync().AsTask(), rabbit.DisposeAsync().AsTask()).GetAwaiter().GetResult();
        return new InfrastructureEndpoints(postgres.GetConnectionString(), new Uri(rabbit.GetConnectionString()), "containers");
    }
}
