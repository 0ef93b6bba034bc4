import CLibgit2
import PlanModel
