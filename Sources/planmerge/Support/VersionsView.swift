import GitKit
import PlanGit
import PlanModel
import PlanRender

/// The repository's version history (`VersionHistory.Result`) as the paper shows it.
enum VersionsView {
    static func model(_ result: VersionHistory.Result) -> VersionsModel {
        VersionsModel(
            meeting: result.rendered.map(meeting),
            versions: result.points.map { point in
                VersionsModel.Version(
                    name: point.name, day: point.metadata.day,
                    meeting: point.isCabinet ? meeting(point.metadata) : nil, figures: point.figures,
                    isCabinet: point.isCabinet)
            },
            previous: result.previous?.name, moved: result.moved)
    }

    static func meeting(_ metadata: TagMetadata) -> VersionsModel.Meeting {
        VersionsModel.Meeting(name: metadata.meeting, date: metadata.meetingDate, item: metadata.item)
    }
}
