namespace HccPathway.Testing.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own, in a temporary directory on a free port, so a test may stop and restart it
/// while other test runs keep using the shared server. Durability settings are off: the tests restart it with a fast
/// shutdown (a clean checkpoint), they do not crash the machine.
/// With <c>archiveWal</c> every completed WAL segment is copied to <see cref="ArchiveDirectory"/>, so a test can take a
/// base backup (<see cref="BaseBackup"/>) and later restore it to a point in time (<see cref="RestoreTo"/>), as
/// deploy/local/backup.sh and restore.sh do with the shared cluster.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string User = "postgres";
    private readonly string directory;
    private readonly string bin;
    private readonly bool archiveWal;
    private int dataGeneration;
    private int backups;

    private PrivatePostgres(string directory, string bin, int port, bool archiveWal)
    {
        this.directory = directory;
        this.bin = bin;
        this.archiveWal = archiveWal;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database=pathway;Username=postgres;Timeout=30;Command Timeout=60;Maximum Pool Size=40";

    /// <summary>The directory of PostgreSQL 15's server programs: <c>HCC_PG_BIN</c>, else the newest under /usr/lib/postgresql.</summary>
    public static string FindBin() =>
        Environment.GetEnvironmentVariable("HCC_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
                  ?? throw new InvalidOperationException("No initdb under /usr/lib/postgresql; run deploy/local/infra-up.sh.")
                : throw new InvalidOperationException("PostgreSQL is not installed; run deploy/local/infra-up.sh.");

    /// <param name="archiveWal">Archive every completed WAL segment (archive_mode on, wal_level replica) for point-in-time restores.</param>
    public static async Task<PrivatePostgres> Start(bool archiveWal = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"hccfaults-pg-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(directory);
        if (archiveWal)
        {
            Directory.CreateDirectory(Path.Combine(directory, "archive"));
        }

        await ChildProcesses.GiveTo(User, directory);
        var postgres = new PrivatePostgres(directory, FindBin(), ChildProcesses.FreePort(), archiveWal);
        await ChildProcesses.RunAs(User, Path.Combine(postgres.bin, "initdb"),
            ["-D", postgres.DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync"]);
        if (archiveWal)
        {
            await postgres.WriteArchivingSettings();
        }

        await postgres.StartServer();
        await ChildProcesses.RunAs(User, Path.Combine(postgres.bin, "psql"),
            ["-h", "127.0.0.1", "-p", postgres.Port.ToString(), "-U", User, "-d", "postgres", "-c", "create database pathway"]);
        return postgres;
    }

    /// <summary>The current data directory: "data" at first, "data-restored-N" after the Nth <see cref="RestoreTo"/>.</summary>
    public string DataDirectory => Path.Combine(directory, dataGeneration == 0 ? "data" : $"data-restored-{dataGeneration}");

    /// <summary>Where the archive command copies completed WAL segments (only with <c>archiveWal</c>).</summary>
    public string ArchiveDirectory => Path.Combine(directory, "archive");

    /// <summary>The server's log; a restore writes its own, so that a failed recovery shows what it replayed.</summary>
    public string LogFile => Path.Combine(directory, dataGeneration == 0 ? "server.log" : $"server-restored-{dataGeneration}.log");

    /// <summary>Runs SQL as the superuser on the given database and returns what psql prints (unaligned, tuples only).</summary>
    public Task<string> Sql(string sql, string database = "pathway") =>
        ChildProcesses.RunAs(User, Path.Combine(bin, "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", User, "-d", database, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql]);

    /// <summary>
    /// A base backup of the running cluster (plain format, the WAL it needs streamed into it, with a manifest that
    /// pg_verifybackup checks); returns its directory.
    /// </summary>
    public async Task<string> BaseBackup()
    {
        RequireArchiving();
        var target = Path.Combine(directory, $"backup-{++backups}");
        await ChildProcesses.RunAs(User, Path.Combine(bin, "pg_basebackup"),
            ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", User, "-D", target, "-Fp", "-X", "stream", "-c", "fast", "--no-sync"],
            timeout: TimeSpan.FromMinutes(5));
        await ChildProcesses.RunAs(User, Path.Combine(bin, "pg_verifybackup"), ["-q", target]);
        return target;
    }

    /// <summary>The server's clock now, as PostgreSQL stamps commits: the point in time a restore can return to.</summary>
    public async Task<DateTimeOffset> ServerNow() =>
        DateTimeOffset.Parse((await Sql("select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Closes the current WAL segment (pg_switch_wal) and waits until the archiver has copied it, so that everything
    /// committed until now can be recovered from the archive.
    /// </summary>
    public async Task ArchiveCurrentWal(TimeSpan? timeout = null)
    {
        RequireArchiving();

        // A switch with nothing written since the last one does nothing; a logical message makes sure it has something.
        var segment = (await Sql(
            "select pg_walfile_name(pg_switch_wal()) from (select pg_logical_emit_message(false, 'hcc-archive', 'switch')) m")).Trim();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!File.Exists(Path.Combine(ArchiveDirectory, segment)))
        {
            if (DateTime.UtcNow > deadline)
            {
                var archiver = await Sql("select archived_count, last_archived_wal, failed_count, last_failed_wal from pg_stat_archiver");
                throw new TimeoutException($"WAL segment {segment} was not archived in time; pg_stat_archiver: {archiver.Trim()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Point-in-time restore: stops the server, copies <paramref name="backup"/> into a fresh data directory, replays
    /// the archived WAL up to <paramref name="target"/> (transactions committed after it are not applied), promotes,
    /// and serves on the same port. The old data directory stays as it was.
    /// </summary>
    public async Task RestoreTo(string backup, DateTimeOffset target, TimeSpan? timeout = null)
    {
        RequireArchiving();
        await Stop();
        dataGeneration++;
        await ChildProcesses.RunAs(User, "cp", ["-a", backup, DataDirectory]);
        await ChildProcesses.RunAs(User, "sh", ["-c",
            $"cat >> '{DataDirectory}/postgresql.conf' <<'EOF'\n" +
            $"restore_command = 'cp {ArchiveDirectory}/%f %p'\n" +
            $"recovery_target_time = '{target.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00'\n" +
            "recovery_target_action = 'promote'\n" +
            "EOF\n" +
            $"touch '{DataDirectory}/recovery.signal'"]);
        try
        {
            await StartServer();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"The restored server did not start: {e.Message}\n{Tail(LogFile)}", e);
        }

        // pg_ctl start returns once connections are accepted; recovery to a target ends with a promotion.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while ((await Sql("select pg_is_in_recovery()", "postgres")).Trim() != "f")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The restored server did not finish recovery:\n{Tail(LogFile)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The last lines of the server's log, for a failure message.</summary>
    public string LogTail => Tail(LogFile);

    private static string Tail(string file)
    {
        try
        {
            return string.Join('\n', File.ReadLines(file).TakeLast(40));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private async Task WriteArchivingSettings()
    {
        // Not fsynced: the tests do not crash the machine. "test ! -f" never overwrites a segment already archived.
        await ChildProcesses.RunAs(User, "sh", ["-c",
            $"cat >> '{DataDirectory}/postgresql.conf' <<'EOF'\n" +
            "wal_level = replica\n" +
            "archive_mode = on\n" +
            $"archive_command = 'test ! -f {ArchiveDirectory}/%f && cp %p {ArchiveDirectory}/%f'\n" +
            "EOF"]);
    }

    private void RequireArchiving()
    {
        if (!archiveWal)
        {
            throw new InvalidOperationException("Start the cluster with archiveWal: true for backups and point-in-time restores.");
        }
    }

    public Task StartServer() => PgCtl("start", "-w", "-t", "60", "-l", LogFile, "-o", Options);

    public Task Stop() => PgCtl("stop", "-m", "fast", "-w", "-t", "60");

    /// <summary>A fast restart: every open connection is terminated, in-flight transactions are rolled back.</summary>
    public Task Restart() => PgCtl("restart", "-m", "fast", "-w", "-t", "60", "-l", LogFile, "-o", Options);

    private string Options =>
        $"-p {Port} -c listen_addresses=127.0.0.1 -k {directory} -c fsync=off -c synchronous_commit=off " +
        "-c full_page_writes=off -c max_connections=300";

    private Task PgCtl(params string[] arguments) =>
        ChildProcesses.RunAs(User, Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, .. arguments]);

    public async ValueTask DisposeAsync()
    {
        await PgCtl("stop", "-m", "immediate", "-w").ContinueWith(_ => { });
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory; the operating system clears /tmp.
        }
    }
}
