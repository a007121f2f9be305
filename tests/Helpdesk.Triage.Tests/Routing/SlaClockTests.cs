using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Tests.Routing;

public sealed class SlaClockTests
{
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly BusinessHours London = new()
    {
        TimeZone = "Europe/London",
        Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        Opens = new TimeOnly(9, 0),
        Closes = new TimeOnly(17, 30),
    };

    [Fact]
    public void AroundTheClock_TheDueTimeIsStartPlusTarget()
    {
        Assert.Equal(Monday9.AddHours(4), SlaClock.DueAt(Monday9, TimeSpan.FromHours(4), [], null));
    }

    [Fact]
    public void APause_MovesTheDueTimeByItsLength()
    {
        SlaPause[] pauses = [new(Monday9.AddHours(1), Monday9.AddHours(3))];

        Assert.Equal(Monday9.AddHours(6), SlaClock.DueAt(Monday9, TimeSpan.FromHours(4), pauses, null));
        Assert.Equal(TimeSpan.FromHours(2), SlaClock.Elapsed(Monday9, Monday9.AddHours(4), pauses, null));
    }

    [Fact]
    public void AnOpenPause_StopsTheClock_AndThereIsNoDueTime()
    {
        SlaPause[] pauses = [new(Monday9.AddHours(1), null)];

        Assert.Null(SlaClock.DueAt(Monday9, TimeSpan.FromHours(4), pauses, null));
        Assert.Equal(TimeSpan.FromHours(1), SlaClock.Elapsed(Monday9, Monday9.AddDays(3), pauses, null));
        Assert.Equal(SlaStatus.Paused, SlaClock.Status(Monday9, Monday9.AddHours(2), TimeSpan.FromHours(4), pauses, null, 0.8));
    }

    [Fact]
    public void InBusinessHours_FridayAfternoonRunsOnIntoMonday()
    {
        var friday4pm = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero), SlaClock.DueAt(friday4pm, TimeSpan.FromHours(2), [], London));
        Assert.Equal(TimeSpan.FromHours(1.5), SlaClock.Elapsed(friday4pm, friday4pm.AddDays(2), [], London));
    }

    [Fact]
    public void InBusinessHours_ACaseOpenedAtNightStartsAtOpening_InLocalSummerTime()
    {
        var juneNight = new DateTimeOffset(2026, 6, 15, 22, 0, 0, TimeSpan.Zero);

        // 09:00 in London in June is 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 6, 16, 9, 0, 0, TimeSpan.Zero), SlaClock.DueAt(juneNight, TimeSpan.FromHours(1), [], London));
    }

    [Theory]
    [InlineData(1.0, SlaStatus.OnTrack)]
    [InlineData(3.2, SlaStatus.AtRisk)]
    [InlineData(4.0, SlaStatus.Breached)]
    public void Status_FollowsTheShareOfTheTargetUsed(double hours, SlaStatus expected)
    {
        Assert.Equal(expected, SlaClock.Status(Monday9, Monday9.AddHours(hours), TimeSpan.FromHours(4), [], null, 0.8));
    }

    [Property]
    public Property AtTheDueTime_ExactlyTheTargetHasElapsed_WhateverThePauses()
    {
        var cases = from targetMinutes in Gen.Choose(1, 3000)
                    from pauseCount in Gen.Choose(0, 4)
                    from pauses in Gen.ListOf(Gen.Choose(0, 5000).SelectMany(start => Gen.Choose(1, 600).Select(length => (start, length))), pauseCount)
                    from business in ArbMap.Default.GeneratorFor<bool>()
                    select (targetMinutes, pauses, business);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            SlaPause[] pauses = [.. c.pauses.Select(p => new SlaPause(Monday9.AddMinutes(p.start), Monday9.AddMinutes(p.start + p.length)))];
            var hours = c.business ? London : null;
            var target = TimeSpan.FromMinutes(c.targetMinutes);
            var due = SlaClock.DueAt(Monday9, target, pauses, hours);
            return due is { } at && SlaClock.Elapsed(Monday9, at, pauses, hours) == target && at >= Monday9.Add(target);
        });
    }
}
