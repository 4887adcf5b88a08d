using System.Diagnostics;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// Marten's command logging without parameter values. Marten's default logger writes every parameter's value (event
/// bodies included, so a registration's name, record number and date of birth) at Debug, and again at Error when a
/// command fails. This one writes the SQL, the parameter count and the duration, never a value.
/// </summary>
public sealed partial class ValueFreeMartenLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    private long? started;

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => LogSchemaChange(sql);

    public void OnBeforeExecute(NpgsqlCommand command) => Start();

    public void OnBeforeExecute(NpgsqlBatch batch) => Start();

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogExecuted(Elapsed(), command.Parameters.Count, command.CommandText);
        }
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = Elapsed();
            foreach (var command in batch.BatchCommands)
            {
                LogExecuted(elapsed, command.Parameters.Count, command.CommandText);
            }
        }
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => LogFailed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        LogFailed(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => LogFailedWithMessage(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogSaved(commit.Inserted.Count(), commit.Updated.Count(), commit.Deleted.Count(), Elapsed());
        }
    }

    private void Start()
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            started = Stopwatch.GetTimestamp();
        }
    }

    private double Elapsed() => started is { } t ? Stopwatch.GetElapsedTime(t).TotalMilliseconds : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed schema update SQL:\n{Sql}")]
    private partial void LogSchemaChange(string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten executed in {DurationMs} ms ({ParameterCount} parameters, values not logged): {Sql}")]
    private partial void LogExecuted(double durationMs, int parameterCount, string sql);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten command failed (parameter values not logged): {Sql}")]
    private partial void LogFailed(Exception exception, string sql);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten failure: {Message}")]
    private partial void LogFailedWithMessage(Exception exception, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Saved changes: {Inserted} inserted, {Updated} updated, {Deleted} deleted in {DurationMs} ms")]
    private partial void LogSaved(int inserted, int updated, int deleted, double durationMs);
}
