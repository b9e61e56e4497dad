using Hangfire;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing;

/// <summary>
/// Hangfire keeps one process-wide log provider, pointed at the LoggerFactory of the last app that configured it.
/// Test apps run in parallel and dispose theirs, after which any Hangfire client built elsewhere throws
/// ObjectDisposedException. Each test app therefore swaps in a provider that outlives every app (and logs nothing).
/// </summary>
internal static class HangfireGlobalLogging
{
    public static void Silence(IServiceCollection services)
    {
        var descriptor = services.SingleOrDefault(d => d.ServiceType == typeof(IGlobalConfiguration));
        if (descriptor?.ImplementationFactory is not { } configure)
        {
            return;
        }

        services.Remove(descriptor);
        services.AddSingleton<IGlobalConfiguration>(provider =>
        {
            var configuration = (IGlobalConfiguration)configure(provider);
            configuration.UseLogProvider(SilentLog.Instance);
            return configuration;
        });
    }

    private sealed class SilentLog : ILogProvider, ILog
    {
        public static readonly SilentLog Instance = new();

        public ILog GetLogger(string name) => this;

        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
