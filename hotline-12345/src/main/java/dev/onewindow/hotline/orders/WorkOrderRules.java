package dev.onewindow.hotline.orders;

import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * The rules in force for one command: the calendar (read afresh, so a {@code calendar.updated} applies at once), the
 * clock thresholds and the configured limits.
 */
public record WorkOrderRules(WorkingDayCalendar calendar, ClockThresholds thresholds,
        HotlineProperties.Deadlines deadlines) {

    Limit sign(Urgency urgency) {
        return HotlineProperties.Deadlines.parse(deadlines.sign().get(urgency.name()));
    }

    /** 答复: a NORMAL consultation or request for help has its own, shorter limit. */
    Limit reply(Urgency urgency, DemandType type) {
        if (urgency == Urgency.NORMAL && (type == DemandType.CONSULTATION || type == DemandType.HELP)) {
            return HotlineProperties.Deadlines.parse(deadlines.replyConsultationHelp());
        }
        return HotlineProperties.Deadlines.parse(deadlines.reply().get(urgency.name()));
    }

    Limit reopenedReply(Urgency urgency) {
        return HotlineProperties.Deadlines.parse(deadlines.reopenedReply().get(urgency.name()));
    }

    Limit callback() {
        return HotlineProperties.Deadlines.parse(deadlines.callback());
    }

    int maxExtensions() {
        return deadlines.maxExtensions();
    }
}
