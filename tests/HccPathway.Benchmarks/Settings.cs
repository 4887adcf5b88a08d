namespace HccPathway.Benchmarks;

/// <summary>Sizes of one benchmark run. <c>--quick</c> shrinks everything for a smoke run of a few minutes.</summary>
public sealed record Settings(
    bool Quick,
    int Runs,
    string OutputDirectory,
    string Postgres,
    Uri RabbitMq,
    Uri RabbitMqManagement,
    string RepositoryRoot)
{
    public int PostgresInsertsPerClient => Quick ? 500 : 2500;

    public int RabbitMqMessages => Quick ? 5_000 : 20_000;

    public int RoundTrips => Quick ? 100 : 300;

    public TimeSpan CommandLoad => TimeSpan.FromSeconds(LoadSeconds ?? (Quick ? 5 : 15));

    /// <summary><c>--load-seconds N</c>: a longer P1 load, to profile the services while it runs.</summary>
    public int? LoadSeconds { get; init; }

    public int CommandClients => 16;

    public TimeSpan WarmUp => TimeSpan.FromSeconds(Quick ? 5 : 10);

    public int ReactionRate => 100;

    /// <summary>A rate two cores sustain (P2 at 100/s measures the queue that builds up), for the reaction itself.</summary>
    public int SustainedReactionRate => 10;

    public TimeSpan ReactionLoad => TimeSpan.FromSeconds(Quick ? 3 : 10);

    public int RelayBacklog => Quick ? 10_000 : 100_000;

    public int AuditStreamLength => 300;

    public int AuditReads => Quick ? 10 : 25;

    public int SmallStorePatients => 1_000;

    public int LargeStorePatients => Quick ? 10_000 : 100_000;

    /// <summary>Where deploy/local/bench.sh publishes the services: the same ReadyToRun build their images carry.</summary>
    public string PublishedServices => Path.Combine(RepositoryRoot, ".local", "bench", "services");

    public static Settings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var runs = Value(args, "--runs") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : (quick ? 1 : 3);
        var root = Value(args, "--root") ?? FindRoot();
        var output = Value(args, "--out") ?? Path.Combine(root, "tests", "HccPathway.Benchmarks", "results");
        return new Settings(
            quick,
            runs,
            output,
            Required("HCC_POSTGRES"),
            new Uri(Required("HCC_RABBITMQ")),
            new Uri(Required("HCC_RABBITMQ_MANAGEMENT")),
            root)
        {
            LoadSeconds = Value(args, "--load-seconds") is { } l ? int.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: source .local/infra.env (deploy/local/infra-up.sh) first.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HccPathway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository or pass --root.");
    }
}
