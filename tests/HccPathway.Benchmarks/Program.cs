using HccPathway.Benchmarks;

// Benchmarks measure the pathway against this machine's own limits, measured in the same run: raw PostgreSQL inserts
// and raw RabbitMQ publishes with confirms. They are never part of the pass/fail test suite.
var postgres = Environment.GetEnvironmentVariable("HCC_POSTGRES")
    ?? throw new InvalidOperationException("Source .local/infra.env (deploy/local/infra-up.sh) first.");
var rabbit = new Uri(Environment.GetEnvironmentVariable("HCC_RABBITMQ")
    ?? throw new InvalidOperationException("Source .local/infra.env (deploy/local/infra-up.sh) first."));
var size = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 3000;

var report = new Report();
report.Add(await Baselines.PostgresSingleRowInserts(postgres, size));
report.Add(await Baselines.RabbitMqConfirmedPublishes(rabbit, size));
foreach (var result in await RelayBenchmark.Run(postgres, rabbit, size))
{
    report.Add(result);
}

foreach (var result in await WorklistBenchmark.Run(postgres, 10_000))
{
    report.Add(result);
}

report.Print();
