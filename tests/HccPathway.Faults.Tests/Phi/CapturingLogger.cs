using Microsoft.Extensions.Logging;

namespace HccPathway.Faults.Tests.Phi;

/// <summary>A logger provider that keeps every entry of every category at every level: message, state, scopes and exception.</summary>
public sealed class CapturingLoggerProvider(CapturedText captured) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, captured, () => scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, CapturedText captured, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"[{logLevel}] {category}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            scopes().ForEachScope((scope, list) => list.Add("scope: " + scope), parts);
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            captured.Add("log", string.Join(" | ", parts));
        }
    }
}
