/** The skeletons moved into the kit (kit/skeleton.tsx); this path is kept for the importers not yet moved. */
export { FrameSkeleton, Skeleton } from "./kit/skeleton";
