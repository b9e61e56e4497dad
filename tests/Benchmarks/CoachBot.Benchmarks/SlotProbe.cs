using System.Diagnostics;
using CoachBot.Coaching.Scheduling;

namespace CoachBot.Benchmarks;

/// <summary>"slots" mode: how long the pure schedule maths takes per rep, apart from any database or network.</summary>
internal static class SlotProbe
{
    public static int Run(BenchArgs args)
    {
        var count = args.Int("count", 100_000);
        var zones = new[] { "UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney" };
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var schedule = new RepSchedule { TimeZone = zones[i % zones.Length], Race = i % 3 == 0 ? "middle" : "sprint", HolidayCountry = i % 2 == 0 ? "US" : null };
            _ = NudgeSlots.Next(schedule, now);
        }

        Console.WriteLine($"{count:N0} next-slot computations in {clock.ElapsedMilliseconds} ms ({clock.Elapsed.TotalMicroseconds / count:F1} µs each)");
        return 0;
    }
}
